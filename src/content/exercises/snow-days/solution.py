n, m, k = map(int, input().split())
snowfall = list(map(int, input().split()))

depth = 0
days = 0
for s in snowfall:
    depth += s
    if depth >= k:
        days += 1
    depth = max(0, depth - m)

print(days)
print(depth)
