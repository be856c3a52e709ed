/** A point of the plane from its norm and its angle in degrees (the off-sphere view's z and ray). */
export function pointFromPolar(norm: number, degrees: number): [number, number] {
  const t = (degrees * Math.PI) / 180;
  return [norm * Math.cos(t), norm * Math.sin(t)];
}
