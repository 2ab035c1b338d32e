/**
 * Φ(z), the standard normal CDF, from the complementary error function of Numerical Recipes §6.2
 * (Chebyshev fit, fractional error below 1.2e-7): ample for a p-value.
 */
export function normalCdf(z: number): number {
  return 0.5 * complementaryErrorFunction(-z / Math.SQRT2);
}

function complementaryErrorFunction(x: number): number {
  const magnitude = Math.abs(x);
  const t = 1 / (1 + 0.5 * magnitude);
  const result =
    t *
    Math.exp(
      -magnitude * magnitude -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? result : 2 - result;
}
