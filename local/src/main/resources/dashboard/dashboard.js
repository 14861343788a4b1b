// Polls /api/status and draws it. No libraries: a few DOM updates and an SVG chart.
"use strict";

const POLL_MILLIS = 1000;
const $ = (id) => document.getElementById(id);
const number = (n) => (n === null || n === undefined ? "–" : Number(n).toLocaleString("en"));
const rate = (r) => (r === undefined ? "–" : r.toFixed(r < 10 ? 1 : 0) + "/s");
let lastAt = 0;

function text(id, value) {
  const element = $(id);
  if (element.textContent !== String(value)) element.textContent = value;
}

function seconds(s) {
  if (s === null || s === undefined) return "empty";
  if (s < 60) return s + " s";
  return Math.floor(s / 60) + " min " + (s % 60) + " s";
}

function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = value;
  if (className) td.className = className;
}

function drawDeadLetters(status) {
  const letters = status.deadLetters.latest.concat(
    status.rejectedObjects.latest.map((o) => ({ ...o, body: o.id })));
  const body = $("dead-letters");
  body.replaceChildren();
  for (const letter of letters) {
    const row = body.insertRow();
    row.className = "dead-letter";
    cell(row, letter.sentAt ? new Date(letter.sentAt).toLocaleTimeString() : "", "when");
    cell(row, letter.reason || "(no reason given)", "reason");
    cell(row, letter.body || "", "body");
  }
  $("dead-letters-none").hidden = letters.length > 0;
  text("dlq-where", status.deadLetters.where);
}

function drawConsumers(consumers) {
  const list = $("consumers");
  list.replaceChildren();
  for (const consumer of consumers) {
    const item = document.createElement("li");
    const dot = document.createElement("span");
    dot.className = consumer.up ? "dot up" : "dot";
    item.append(dot, (consumer.up ? "running · " : "not running · ") + consumer.url);
    item.title = consumer.url;
    list.append(item);
  }
  if (consumers.length === 0) list.textContent = "none watched (widgets local --consumer-metrics)";
}

function drawCalls(calls) {
  const body = $("calls").tBodies[0];
  body.replaceChildren();
  for (const [service, call] of Object.entries(calls)) {
    const row = body.insertRow();
    cell(row, service);
    cell(row, rate(call.perSecond), "num");
    cell(row, number(call.total) + " in all", "num");
  }
  $("calls-none").hidden = Object.keys(calls).length > 0;
}

function polyline(points, value, max, color, width) {
  if (points.length < 2) return "";
  const first = points[0].at;
  const span = Math.max(1, points[points.length - 1].at - first);
  const xy = points.map((p) =>
    ((p.at - first) / span * 800).toFixed(1) + "," + (175 - value(p) / max * 165).toFixed(1));
  return `<polyline fill="none" stroke="${color}" stroke-width="${width}" points="${xy.join(" ")}"/>`;
}

function drawChart(history) {
  const rates = Math.max(1, ...history.map((p) => Math.max(p.applied, p.rejected)));
  const depth = Math.max(1, ...history.map((p) => p.depth));
  const grid = [0.25, 0.5, 0.75].map((f) =>
    `<line x1="0" x2="800" y1="${175 - f * 165}" y2="${175 - f * 165}" stroke="#e3e7ed"/>`).join("");
  $("chart").innerHTML = grid +
    polyline(history, (p) => p.depth, depth, "rgba(59,111,216,0.45)", 2) +
    polyline(history, (p) => p.applied, rates, "#1f9d6b", 2.5) +
    polyline(history, (p) => p.rejected, rates, "#d64545", 2.5) +
    `<text x="4" y="14" font-size="12" fill="#6b7684">${rates.toFixed(0)}/s</text>`;
}

function draw(status) {
  text("queue-visible", number(status.queue.visible));
  text("queue-in-flight", number(status.queue.inFlight));
  text("queue-delayed", number(status.queue.delayed));
  text("queue-waiting", seconds(status.queue.waitingSeconds));
  text("applied-total", number(status.totals.applied));
  text("applied-rate", rate(status.totals.appliedPerSecond));
  text("warned-total", number(status.totals.warned));
  text("consumer-in-flight", number(status.totals.inFlight));
  text("rejected-total", number(status.totals.rejected));
  text("rejected-rate", rate(status.totals.rejectedPerSecond));
  text("too-late-total", number(status.totals.tooLate));
  text("dlq-count", number(status.deadLetters.count));
  text("rejected-objects", number(status.rejectedObjects.count));
  text("widgets-s3", number(status.widgets.s3));
  text("widgets-dynamodb", number(status.widgets.dynamoDb));
  drawConsumers(status.consumers);
  drawCalls(status.calls);
  drawDeadLetters(status);
  drawChart(status.history);
}

function fresh(status) {
  const freshness = $("freshness");
  const age = (Date.now() - status.at) / 1000;
  const stale = status.error || age > 10;
  freshness.className = stale ? "freshness stale" : "freshness";
  freshness.textContent = status.error
    ? "cannot read the stack: " + status.error
    : "updated " + new Date(status.at).toLocaleTimeString() + (stale ? " (stale)" : "");
  freshness.dataset.at = status.at;
}

async function poll() {
  try {
    const response = await fetch("/api/status", { cache: "no-store" });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const status = await response.json();
    if (status.queue) {
      if (status.at !== lastAt) draw(status);
      lastAt = status.at;
      fresh(status);
    }
  } catch (failure) {
    $("freshness").className = "freshness stale";
    $("freshness").textContent = "local stack not answering (" + failure.message + ")";
  } finally {
    setTimeout(poll, POLL_MILLIS);
  }
}

poll();
