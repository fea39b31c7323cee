moves = []


def hanoi(n, source, target, spare):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves.append(f"{source} {target}")
    hanoi(n - 1, spare, target, source)


n = int(input())
hanoi(n, "A", "C", "B")
print(len(moves))
for move in moves:
    print(move)
