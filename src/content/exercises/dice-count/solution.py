n = int(input())
rolls = list(map(int, input().split()))
counts = [0] * 7
for roll in rolls:
    counts[roll] += 1
for face in range(1, 7):
    print(counts[face])
