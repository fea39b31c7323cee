# 名前と得点の組を読み込む
n = int(input())
players = []
for _ in range(n):
    name, score = input().split()
    players.append((name, int(score)))

# ランキングの順に並べかえよう

for name, score in players:
    print(name, score)
