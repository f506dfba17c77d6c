// Reads an iCalendar file on stdin with node-ical (a parser many Node.js calendar integrations
// use) and prints each event's UID with its start and end as seconds since the epoch.
import ical from "node-ical";

let text = "";
for await (const chunk of process.stdin) text += chunk;
const events = {};
for (const item of Object.values(ical.sync.parseICS(text))) {
  if (item.type !== "VEVENT") continue;
  events[item.uid] = {
    start: Math.round(item.start.getTime() / 1000),
    end: item.end ? Math.round(item.end.getTime() / 1000) : null,
  };
}
process.stdout.write(JSON.stringify(events));
