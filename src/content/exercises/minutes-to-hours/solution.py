n = int(input())
hours = n // 60
minutes = n % 60
print(f"{hours}:{minutes:02d}")
