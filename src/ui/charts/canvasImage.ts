/**
 * A dense image on a canvas, one pixel per cell, scaled by the element's CSS size (heatmaps draw the image on
 * canvas and their axes in SVG): sets the canvas to width × height, lets `paint` fill the RGBA pixels, puts them
 * and counts the draw in `data-draws` (the bench's frame counters read it).
 */
export function paintCanvas(
  canvas: HTMLCanvasElement | null,
  width: number,
  height: number,
  paint: (pixels: ImageData) => void,
): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  canvas.width = width;
  canvas.height = height;
  const image = ctx.createImageData(width, height);
  paint(image);
  ctx.putImageData(image, 0, 0);
  canvas.dataset.draws = String(Number(canvas.dataset.draws ?? 0) + 1);
}
