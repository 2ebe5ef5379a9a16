import calendar
print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=1))
print(calendar.calendar(2024))
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2024), calendar.weekday(2024, 5, 17), calendar.monthrange(2024, 2))
print(calendar.monthcalendar(2024, 3))
tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2024, 9))
print(calendar.day_name[0], calendar.month_abbr[12], list(calendar.Calendar().iterweekdays()), calendar.timegm((2024, 1, 1, 0, 0, 0)))
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(e)
calendar.prmonth(2021, 7)
print(calendar.weekheader(3))
