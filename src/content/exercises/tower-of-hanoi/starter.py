moves = []


def hanoi(n, source, target, spare):
    # n 枚の円板を source から target へ移す動かし方を、moves に追加しよう
    pass


n = int(input())
hanoi(n, "A", "C", "B")
print(len(moves))
for move in moves:
    print(move)
