# 表を2次元リストとして読み込む
h, w = map(int, input().split())
table = []
for _ in range(h):
    table.append(list(map(int, input().split())))

# 行ごとの合計と、列ごとの合計を出力しよう
column_totals = [0] * w

print(*column_totals)
