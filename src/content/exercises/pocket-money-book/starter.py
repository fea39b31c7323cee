# はじめのお金と回数を読み込む
money, n = map(int, input().split())

for _ in range(n):
    kind, amount = input().split()
    x = int(amount)
    # kind が "in" か "out" かで、お金を増やしたり減らしたりしよう
    print(money)
