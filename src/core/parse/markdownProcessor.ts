import type { Root } from 'mdast';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import { unified } from 'unified';

/**
 * The GFM constructs a plan needs: tables, task-list checkboxes and strikethrough (for
 * titles). remark-gfm's autolink literals and footnotes carry no planning meaning and
 * cost parse time on every character, so they are left out.
 */
function remarkPlanSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough({ singleTilde: false }));
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
}

/** Frozen, so it is safe to share: parse() never mutates it. */
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkPlanSyntax).freeze();

/** Parses Markdown (GFM subset + YAML front matter) into mdast with positions. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
