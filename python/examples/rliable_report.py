"""rliable's aggregate measures of a `dratsd report --export csv` folder.

    dratsd report RUN... --export csv --out report
    python3 -m pip install -r python/examples/requirements-rliable.txt
    python3 python/examples/rliable_report.py report/scores.csv

scores.csv has one row per run (run, sampler, seed, then one column per task: the success rate
at the runs' common final evaluation). rliable wants, per sampler, a runs x tasks array; the
three lines in `main` are all it takes. rliable's bootstrap draws from numpy's global generator,
so the intervals are reproducible only with `np.random.seed` set first.
"""

import csv
import sys

import numpy as np


def load_scores(path):
    """{sampler: runs x tasks array} and the task names, from scores.csv."""
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    tasks = header[3:]
    scores = {}
    for row in body:
        scores.setdefault(row[1], []).append([float(value) for value in row[3:]])
    return {sampler: np.array(runs) for sampler, runs in scores.items()}, tasks


def aggregates(scores, reps=10_000, seed=1):
    """Point estimates and 95% stratified-bootstrap intervals of IQM, optimality gap and mean."""
    from rliable import library as rly
    from rliable import metrics

    def measures(matrix):
        return np.array([metrics.aggregate_iqm(matrix), metrics.aggregate_optimality_gap(matrix),
                         metrics.aggregate_mean(matrix)])

    np.random.seed(seed)
    return rly.get_interval_estimates(scores, measures, reps=reps)


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: rliable_report.py SCORES_CSV  (from `dratsd report --export csv`)")
    scores, tasks = load_scores(argv[1])
    points, intervals = aggregates(scores)
    print(f"{len(tasks)} tasks; 95% stratified-bootstrap intervals, 10,000 resamples, seed 1")
    print(f"{'sampler':<20} {'runs':>4}  {'IQM':<22} {'optimality gap':<22} {'mean':<22}")
    for sampler in scores:
        cells = [f"{points[sampler][k]:.3f} [{intervals[sampler][0][k]:.3f}, {intervals[sampler][1][k]:.3f}]"
                 for k in range(3)]
        print(f"{sampler:<20} {len(scores[sampler]):>4}  " + " ".join(f"{cell:<22}" for cell in cells))


if __name__ == "__main__":
    main(sys.argv)
