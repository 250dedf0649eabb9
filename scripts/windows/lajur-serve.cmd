@echo off
rem Klik dua kali berkas ini untuk membuka buku pedoman SOP di peramban.
rem Letakkan lajur.exe dan berkas ini di folder buku pedoman (yang berisi
rem handbook.yaml dan content\). Di folder kosong, lajur membuat buku baru
rem dengan satu contoh SOP lebih dulu.
cd /d "%~dp0"
if not exist "handbook.yaml" if not exist "content\" (
  echo Folder ini belum berisi buku pedoman: membuat buku baru dengan satu contoh SOP.
  "%~dp0lajur.exe" init .
  if errorlevel 1 goto selesai
)
echo Membuka buku pedoman di peramban. Tutup jendela ini untuk berhenti.
"%~dp0lajur.exe" serve --open
:selesai
echo.
pause
