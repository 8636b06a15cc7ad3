@echo off
powershell.exe -NoProfile -File backup.ps1
