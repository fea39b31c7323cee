# バス停の数と定員を読み込む
n, c = map(int, input().split())

aboard = 0
left_behind = 0
for _ in range(n):
    b, a = map(int, input().split())
    # 降りる人、乗る人の順に、乗客数を更新しよう
    print(aboard)

print(left_behind)
