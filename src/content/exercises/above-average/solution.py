n = int(input())
scores = list(map(int, input().split()))
average = sum(scores) / n
count = 0
for score in scores:
    if score > average:
        count += 1
print(count)
