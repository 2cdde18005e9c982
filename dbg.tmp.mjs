import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let run = 0; run < 4; run++) {
const ctx = await b.newContext(); const p = await ctx.newPage();
const cdp = await ctx.newCDPSession(p); await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
p.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 400)));
const chosen = () => p.getByTestId('chosen-cities').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-city')));
await p.goto('http://localhost:4188/en/compare?cities=shanghai,beijing,hangzhou', { waitUntil: 'commit' });
await p.getByRole('button', { name: 'Move Hangzhou left' }).click();
await p.waitForTimeout(3000);
console.log(run, await chosen(), p.url());
await ctx.close();
}
await b.close();
