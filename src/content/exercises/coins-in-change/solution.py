price = int(input())
change = 1000 - price
print(change)

print(change // 500)
change = change % 500
print(change // 100)
change = change % 100
print(change // 50)
change = change % 50
print(change // 10)
change = change % 10
print(change // 5)
change = change % 5
print(change)
