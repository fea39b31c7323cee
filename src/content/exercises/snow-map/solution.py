h, w = map(int, input().split())
rows = []
for _ in range(h):
    rows.append(input())

total = 0
best_row = 1
best_count = -1
for i in range(h):
    count = 0
    for ch in rows[i]:
        if ch == "#":
            count += 1
    total += count
    if count > best_count:
        best_count = count
        best_row = i + 1

print(total)
print(best_row)
