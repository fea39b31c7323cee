m, r, g = map(int, input().split())
kingaku = 0
tsuki = 0
while kingaku < g:
    kingaku = kingaku + m
    kingaku = kingaku + kingaku * r // 100
    tsuki = tsuki + 1
print(tsuki)
print(kingaku)
