import type { HostMessage } from '../core/views/protocol.js';

/** Browsers refuse canvases beyond about 16k px a side or 268 M pixels; stay below. */
const MAX_SIDE = 16_000;
const MAX_AREA = 200_000_000;

/**
 * Draws a standalone SVG (styles embedded, no external references) on a canvas and
 * returns it as base64 PNG. The SVG comes from the host, is loaded as an image from a
 * blob URL (an image never runs script), and the scale shrinks when the chart would be
 * too large for a canvas.
 */
export async function rasterize(request: Extract<HostMessage, { type: 'rasterize' }>): Promise<{ data?: string; error?: string }> {
  let scale = request.scale;
  const fit = Math.min(MAX_SIDE / request.width, MAX_SIDE / request.height, Math.sqrt(MAX_AREA / (request.width * request.height)));
  if (scale > fit) scale = fit;
  const width = Math.max(1, Math.floor(request.width * scale));
  const height = Math.max(1, Math.floor(request.height * scale));
  const url = URL.createObjectURL(new Blob([request.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return { error: 'This webview cannot draw on a canvas.' };
    context.drawImage(image, 0, 0, width, height);
    const dataUrl = canvas.toDataURL('image/png');
    const comma = dataUrl.indexOf(',');
    if (comma < 0 || dataUrl.length < 30) return { error: 'The chart is too large to draw as a PNG; save it as SVG instead.' };
    return { data: dataUrl.slice(comma + 1) };
  } catch (error) {
    return { error: `Could not draw the chart: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    URL.revokeObjectURL(url);
  }
}
