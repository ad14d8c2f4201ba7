'use strict';

// The page holds no logic of its own: it shows the desk the server sends (over server-sent events after every event
// of the agent, the interaction and the callback) and posts the buttons. A button is enabled exactly when the server
// says its command is permitted; a greyed one shows the engine's reason as its tooltip.

let shown = -1;

const byId = (id) => document.getElementById(id);

function text(id, value) {
  byId(id).textContent = value ?? '';
}

function syncButtons(container, buttons) {
  const existing = new Map([...container.querySelectorAll('button')].map((b) => [b.dataset.key, b]));
  buttons.forEach((view, index) => {
    let button = existing.get(view.key);
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.dataset.key = view.key;
      button.addEventListener('click', () => press(button));
    }
    existing.delete(view.key);
    button.textContent = view.label;
    button.dataset.scope = view.scope;
    button.dataset.command = view.command;
    button.dataset.argument = view.argument ?? '';
    button.dataset.input = view.input ?? '';
    button.disabled = !view.enabled;
    button.title = view.enabled ? '' : (view.why ?? '');
    if (container.children[index] !== button) {
      container.insertBefore(button, container.children[index] ?? null);
    }
  });
  existing.forEach((button) => button.remove());
}

function renderInteraction(call) {
  byId('no-interaction').hidden = call !== null;
  byId('interaction').hidden = call === null;
  if (call === null) {
    return;
  }
  text('interaction-state', call.state);
  text('interaction-media', call.media);
  text('interaction-direction', call.direction);
  text('consultation', call.consultation ? '· consultation: ' + call.consultation : '');
  const rows = call.parties.map((p) => {
    const row = document.createElement('tr');
    row.dataset.role = p.role;
    for (const value of [p.id, p.role, p.address, p.state]) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.appendChild(cell);
    }
    row.lastChild.className = 'party-state';
    return row;
  });
  byId('parties').tBodies[0].replaceChildren(...rows);
  const data = call.attachedData.flatMap((d) => {
    const key = document.createElement('dt');
    key.textContent = d.key;
    const value = document.createElement('dd');
    value.textContent = d.value;
    return [key, value];
  });
  byId('attached-data').replaceChildren(...data);
  text('disposition', call.disposition ?? 'none');
  byId('notes').replaceChildren(...call.notes.map((n) => {
    const item = document.createElement('li');
    item.textContent = n;
    return item;
  }));
}

function renderGrid(callback) {
  const grid = callback.grid;
  text('grid-zones', `${grid.customerZone} time; centre in ${grid.centreZone}; tz ${grid.tzdbVersion}`);
  byId('grid-why').hidden = grid.canReschedule;
  text('grid-why', grid.whyNotReschedule);
  const days = grid.days.map((day) => {
    const column = document.createElement('div');
    column.className = 'day';
    column.dataset.date = day.date;
    const title = document.createElement('h4');
    title.textContent = day.label;
    column.appendChild(title);
    if (day.noSlotReason) {
      const reason = document.createElement('p');
      reason.className = 'no-slots';
      reason.textContent = day.noSlotReason;
      column.appendChild(reason);
    }
    for (const slot of day.slots) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.key = 'slot.' + slot.start;
      button.dataset.scope = 'callback';
      button.dataset.command = 'Reschedule';
      button.dataset.argument = slot.start;
      button.dataset.input = '';
      if (slot.booked) {
        button.className = 'booked';
        button.textContent = `${slot.customerTime} · booked`;
        button.disabled = true;
        button.title = 'The callback is booked in this slot.';
      } else if (slot.remaining === 0) {
        button.textContent = `${slot.customerTime} · full`;
        button.disabled = true;
        button.title = `Fully booked (${slot.total} of ${slot.total} seats).`;
      } else {
        button.textContent = `${slot.customerTime} · ${slot.remaining} free`;
        button.disabled = !grid.canReschedule;
        button.title = grid.canReschedule ? `${slot.centreTime} in ${grid.centreZone}` : grid.whyNotReschedule;
      }
      button.addEventListener('click', () => press(button));
      column.appendChild(button);
    }
    return column;
  });
  byId('slot-grid').replaceChildren(...days);
}

function render(view) {
  if (view.version <= shown) {
    return;
  }
  shown = view.version;
  document.body.dataset.version = view.version;
  text('clock', view.clock + (view.virtualTime ? ' (virtual)' : ''));
  text('agent-id', view.agent.id);
  text('agent-status', view.agent.status);
  byId('agent-status').dataset.state = view.agent.state;
  syncButtons(byId('agent-buttons'), view.agent.buttons);
  renderInteraction(view.interaction);
  syncButtons(byId('interaction-buttons'), view.interaction ? view.interaction.buttons : interactionPlaceholders);
  text('callback-state', view.callback.state);
  text('callback-due', view.callback.due);
  text('callback-number', view.callback.number);
  syncButtons(byId('callback-buttons'), view.callback.buttons);
  renderGrid(view.callback);
  syncButtons(byId('simulation-buttons'), view.simulation);
  byId('log').replaceChildren(...view.log.map((line) => {
    const item = document.createElement('li');
    item.textContent = line;
    return item;
  }));
  byId('log').scrollTop = byId('log').scrollHeight;
}

// Before the first call the interaction panel has no buttons from the server: none are shown.
const interactionPlaceholders = [];

function showError(message) {
  const error = byId('error');
  error.textContent = message ?? '';
  error.hidden = !message;
}

async function press(button) {
  const input = button.dataset.input;
  const argument = input ? byId(input).value : (button.dataset.argument || null);
  try {
    const response = await fetch(`api/${button.dataset.scope}/${button.dataset.command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ argument }),
    });
    const body = await response.json();
    if (response.ok) {
      showError(null);
      render(body);
    } else {
      showError(`${body.command} refused: ${body.message}`);
    }
  } catch (failure) {
    showError(`The desk did not answer: ${failure}`);
  }
}

function connect() {
  const events = new EventSource('api/events');
  events.addEventListener('desk', (event) => render(JSON.parse(event.data)));
  events.onopen = () => text('connection', 'live');
  events.onerror = () => text('connection', 'reconnecting…');
}

connect();
