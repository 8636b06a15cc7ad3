Invoke-WebRequest -Uri "https://example.invalid/data.csv" -OutFile data.csv
Import-Csv data.csv | Format-Table
