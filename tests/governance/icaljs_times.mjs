// Reads an iCalendar file on stdin with ical.js (the parser of Thunderbird) and prints each
// event's UID with its start and end as seconds since the epoch, as ical.js understands them.
import ICAL from "ical.js";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const calendar = new ICAL.Component(ICAL.parse(text));
// Timezones as a subscribing client registers them: from the file's own VTIMEZONE.
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const events = {};
for (const component of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(component);
  events[event.uid] = {
    start: event.startDate.toUnixTime(),
    end: event.endDate ? event.endDate.toUnixTime() : null,
  };
}
process.stdout.write(JSON.stringify(events));
