h, w = map(int, input().split())
table = []
for _ in range(h):
    table.append(list(map(int, input().split())))

for j in range(w):
    new_row = []
    for i in range(h):
        new_row.append(table[i][j])
    print(*new_row)
