n = int(input())
data = list(map(int, input().split()))
for i in range(n - 1):
    # ここで最小の要素を選んで入れかえよう
    print(" ".join(map(str, data)))
