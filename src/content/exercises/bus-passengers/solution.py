n, c = map(int, input().split())

aboard = 0
left_behind = 0
for _ in range(n):
    b, a = map(int, input().split())
    aboard -= b
    boarding = min(a, c - aboard)
    left_behind += a - boarding
    aboard += boarding
    print(aboard)

print(left_behind)
