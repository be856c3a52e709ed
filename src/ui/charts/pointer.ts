import type { MouseEvent } from 'react';

/**
 * The pointer's position in an SVG's own units (what the D3 scales map to), also when the chart is
 * magnified by CSS `zoom` or a transform (presentation mode): client pixels scaled by drawn/laid-out size.
 */
export function pointerInSvg(e: MouseEvent<SVGElement>): [number, number] {
  const svg = e.currentTarget instanceof SVGSVGElement ? e.currentTarget : e.currentTarget.ownerSVGElement!;
  const box = svg.getBoundingClientRect();
  const sx = box.width > 0 ? svg.width.baseVal.value / box.width : 1;
  const sy = box.height > 0 ? svg.height.baseVal.value / box.height : 1;
  return [(e.clientX - box.left) * sx, (e.clientY - box.top) * sy];
}
