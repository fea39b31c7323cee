n = int(input())
numbers = list(map(int, input().split()))
numbers.reverse()
print(*numbers)
