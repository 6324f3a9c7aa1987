import type { Analysis } from '../../../src/core/analysis/types.js';
import { parseIsoDate } from '../../../src/core/model/dates.js';
import { createWorkspace } from '../../../src/core/workspace/createWorkspace.js';
import { memoryFileSystem } from '../../support/memoryFileSystem.js';

/** A full analysis of in-memory files, as the editor and the CLI would make it. */
export async function analyzeFiles(files: Record<string, string>, today = '2027-01-08'): Promise<Analysis> {
  const ws = createWorkspace({ fs: memoryFileSystem(files), today: () => parseIsoDate(today)! });
  await ws.load();
  return ws.analyze();
}
