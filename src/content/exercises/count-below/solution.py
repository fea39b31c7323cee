def count_below(scores, x):
    lo = 0
    hi = len(scores)
    while lo < hi:
        mid = (lo + hi) // 2
        if scores[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


n = int(input())
scores = list(map(int, input().split()))
q = int(input())
for _ in range(q):
    x = int(input())
    print(count_below(scores, x))
