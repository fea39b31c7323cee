h, w = map(int, input().split())
table = []
for _ in range(h):
    table.append(list(map(int, input().split())))

for i in range(h):
    print(sum(table[i]))

column_totals = [0] * w
for i in range(h):
    for j in range(w):
        column_totals[j] += table[i][j]
print(*column_totals)
