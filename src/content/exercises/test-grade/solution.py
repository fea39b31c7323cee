s = int(input())
if s >= 80:
    grade = "A"
elif s >= 60:
    grade = "B"
elif s >= 40:
    grade = "C"
else:
    grade = "D"
print(grade)
