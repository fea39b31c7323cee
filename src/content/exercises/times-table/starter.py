# 整数を読み込む
n = int(input())

# n 行 n 列のかけ算の表を出力しよう(今は1行目だけ)
for j in range(1, n + 1):
    print(1 * j, end=" ")
print()
