def fare(age):
    if age <= 5:
        return 0
    elif age <= 12:
        return 110
    else:
        return 220


n = int(input())
ages = list(map(int, input().split()))
total = 0
for age in ages:
    total += fare(age)
print(total)
