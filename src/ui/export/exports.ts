/**
 * Panel exports (README "Exports"): SVG and CSV are what `npm run -s figure` prints for the current link,
 * rendered by the worker from the same code (numbers can differ in the last bit: the browser's Math
 * functions are not Node's), with the page's address as `--base`: the CSV's first line and the SVG carry
 * the absolute link of the view, which opens it from a printout or a file. PNG is that SVG drawn at twice
 * its size.
 */
import type { FigureFormat } from '../../figure';
import type { LinkState } from '../../link';
import { callWorker } from '../../workerClient/client';
import type { PanelId } from '../app/panels';
import { contentLink } from '../app/viewParameters';
import { realdataFigureFile } from '../panels/realdata/realdataRun';

export type ExportFormat = 'svg' | 'png' | 'csv';

/** PNG exports are drawn at this multiple of the SVG's size (sharp on high-density screens and in print). */
const PNG_SCALE = 2;

const exportFileName = (panel: PanelId, format: ExportFormat) => `ntk-laplace-${panel}.${format}`;

const MIME: Record<ExportFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  csv: 'text/csv',
};

async function figureText(link: string, panel: PanelId, format: FigureFormat, base: string): Promise<string> {
  return callWorker('profile', (worker) => worker.figure(link, panel, format, base));
}

/** The page's address without its query and fragment: the figure's link is this plus the view's query. */
const pageBase = () => `${location.origin}${location.pathname}`;

/** Draws an SVG document onto a canvas `scale` times its size and encodes it as PNG. */
async function svgToPng(svg: string, scale = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: MIME.svg }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), MIME.png),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under a file name through a temporary <a download>. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // the download has started reading the URL by the next task; revoking sooner can cancel it
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Exports one panel of a view in one format and saves it. */
export async function exportPanel(state: LinkState, panel: PanelId, format: ExportFormat): Promise<void> {
  // without story and presentation parameters: the figure's own link line names its content
  const link = contentLink(state);
  const figureFormat = format === 'png' ? 'svg' : format;
  const base = pageBase();
  // the real-data figure is made from the results computed so far, not from the link alone
  const text =
    panel === 'realdata'
      ? await realdataFigureFile(state, link, figureFormat, base)
      : await figureText(link, panel, figureFormat, base);
  const blob = format === 'png' ? await svgToPng(text) : new Blob([text], { type: MIME[format] });
  download(blob, exportFileName(panel, format));
}
