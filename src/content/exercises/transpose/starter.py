# 表を2次元リストとして読み込む
h, w = map(int, input().split())
table = []
for _ in range(h):
    table.append(list(map(int, input().split())))

# 縦と横を入れかえて出力しよう(今はもとの表のまま出力している)
for row in table:
    print(*row)
