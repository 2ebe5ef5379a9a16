import statistics as st
from fractions import Fraction

data = [2.5, 3.25, 5.5, 11.25, 11.75]
ints = [1, 2, 2, 3, 4, 7, 9]
print(st.mean(ints), st.mean(data), st.mean([1, 2, 3, 4]), st.mean([Fraction(1, 2), Fraction(1, 3)]))
print(st.fmean(data), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]))
print(st.median(ints), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode(ints), st.mode(['red', 'blue', 'blue', 'red', 'green', 'red']), st.multimode('aabbbbccddddeeffffgg'))
print(st.variance(ints), st.pvariance(ints), st.stdev(ints), st.pstdev(ints))
print(st.variance(data), st.stdev(data), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
for bad in [lambda: st.mean([]), lambda: st.median([]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.stdev([])]:
    try:
        bad()
    except st.StatisticsError as e:
        print('StatisticsError:', e)
print(isinstance(st.StatisticsError(), ValueError))
