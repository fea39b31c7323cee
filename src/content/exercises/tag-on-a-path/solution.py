l, d, v, w = map(int, input().split())

runner = d
chaser = 0
seconds = 0
while chaser < runner:
    runner = min(l, runner + w)
    chaser += v
    seconds += 1

print(seconds)
