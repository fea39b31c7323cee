n = int(input())
players = []
for _ in range(n):
    name, score = input().split()
    players.append((name, int(score)))

# 得点は高い順(マイナスをつけて小さい順)、同じ得点なら名前の辞書順
players.sort(key=lambda player: (-player[1], player[0]))

for name, score in players:
    print(name, score)
