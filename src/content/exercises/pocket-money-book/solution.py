money, n = map(int, input().split())

for _ in range(n):
    kind, amount = input().split()
    x = int(amount)
    if kind == "in":
        money += x
        print(money)
    elif money >= x:
        money -= x
        print(money)
    else:
        print("NG")
