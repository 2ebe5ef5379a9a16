from datetime import date, datetime, timedelta, time, timezone
import datetime as dtmod

d = date(2024, 3, 5)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
print(d + timedelta(days=30), d - date(2024, 1, 1), d - timedelta(weeks=10), date.fromordinal(738000))
print(d.strftime('%A %d %B %Y, day %j'), f'{d:%d/%m/%y}', date.fromisoformat('2023-12-31'), d.replace(day=1))
print(d < date(2024, 3, 6), d == date(2024, 3, 5), sorted([date(2024, 1, 2), date(2023, 5, 6)]))
td = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds)
print(timedelta(hours=-1), repr(timedelta(hours=-1)), timedelta(0), repr(timedelta()), timedelta(days=2) * 3, timedelta(hours=5) / 2)
print(timedelta(minutes=90) // timedelta(minutes=30), timedelta(seconds=1.5), timedelta(milliseconds=1), abs(timedelta(days=-2)))
print(timedelta(days=1) > timedelta(hours=23), str(timedelta(days=-1, seconds=5)), timedelta(weeks=1, days=-7) == timedelta(0))
dt = datetime(2024, 3, 5, 14, 7, 9)
print(dt, repr(dt), repr(datetime(2024, 3, 5)), repr(datetime(2024, 3, 5, 1, 2, 3, 4)), dt.date(), dt.time(), repr(dt.time()))
print(dt + timedelta(hours=12), dt - datetime(2024, 1, 1), dt.isoformat(), dt.isoformat(sep=' ', timespec='minutes'))
print(dt.strftime('%Y-%m-%d %H:%M:%S %p %a %b'), f'{dt:%I:%M %p}', dt.ctime(), dt.timestamp())
print(datetime.fromisoformat('2024-02-29T23:59:30.250000'), datetime.strptime('2023-07-04 09:30', '%Y-%m-%d %H:%M'))
print(datetime.fromtimestamp(0, timezone.utc), repr(timezone.utc), datetime(2020, 1, 1, tzinfo=timezone.utc).isoformat())
print(type(datetime.now()).__name__, isinstance(datetime.now(), date), date.today() <= date.today())
print(time(9, 30), repr(time(9, 30, 15)), time(9, 30).strftime('%H.%M'), dtmod.MAXYEAR)
for bad in [lambda: date(2023, 2, 29), lambda: date(2024, 13, 1), lambda: datetime(2024, 1, 1, 24), lambda: date.fromisoformat('2024/01/01')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
