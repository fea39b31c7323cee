nenrei = int(input())
if nenrei < 6:
    print(0)
elif nenrei < 13:
    print(200)
elif nenrei < 65:
    print(500)
else:
    print(300)
