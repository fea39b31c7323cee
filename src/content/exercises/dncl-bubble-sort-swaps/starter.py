n = int(input())
data = list(map(int, input().split()))
kaisu = 0
# バブルソートで並べかえよう
print(" ".join(map(str, data)))
print(kaisu)
