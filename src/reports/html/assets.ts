/** The page's inline style and script: the report is one file that opens from file:// with no network. */

export const STYLE = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--error:#b3261e;--warning:#8a5a00;--info:#0b5cad;--mark:#fff3b0;--diff:#ffd8d3;--bar:#6e7781;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b1;--bg:#0d1117;--panel:#161b22;--line:#30363d;--error:#ff7b72;--warning:#e3b341;--info:#79c0ff;--mark:#5a4a00;--diff:#6e2b26;--bar:#8b949e}}
body{margin:0 auto;max-width:80rem;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line)}
a{color:var(--info)}
:focus-visible{outline:3px solid var(--info);outline-offset:2px}
.models{margin:.2rem 0;color:var(--muted);font-size:.9rem}
.notes{color:var(--muted);font-size:.9rem;padding-left:1.2rem}
.summary{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:0}
.summary div{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem}
.summary div.wide{grid-column:span 2}
.summary dt{font-size:.85rem;color:var(--muted)}.summary dd{margin:0;font-size:1.4rem;font-weight:600}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;color:inherit;cursor:pointer}
th button::after{content:" \\2195";color:var(--muted)}
th[aria-sort=ascending] button::after{content:" \\2191"}th[aria-sort=descending] button::after{content:" \\2193"}
.bar{display:block;height:.3rem;background:var(--bar);border-radius:2px;margin-top:2px;min-width:1px}
td.errors .bar{background:var(--error)}td.warnings .bar{background:var(--warning)}td.infos .bar{background:var(--info)}
.stack{display:flex;height:.9rem;min-width:12rem}.stack .bar{height:100%;margin:0;border-radius:0}
.bar.error{background:var(--error)}.bar.warning{background:var(--warning)}.bar.info{background:var(--info)}
.split{font-size:.8rem;color:var(--muted);white-space:nowrap}
table.rules th[scope=row]{white-space:nowrap}table.rules td.chart{width:30%}table.rules td.what{font-size:.85rem;color:var(--muted)}
.sev{font-weight:600;white-space:nowrap}.sev-error{color:var(--error)}.sev-warning{color:var(--warning)}.sev-info{color:var(--info)}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:var(--panel);padding:.6rem;border-radius:6px}
form.filters label{display:flex;flex-direction:column;font-size:.85rem}
form.filters input,form.filters select{font:inherit;min-width:10rem;max-width:100%}
.finding{content-visibility:auto;contain-intrinsic-size:auto 9rem;border:1px solid var(--line);border-left:4px solid var(--line);border-radius:4px;padding:.4rem .7rem;margin:.6rem 0}
.finding.error{border-left-color:var(--error)}.finding.warning{border-left-color:var(--warning)}.finding.info{border-left-color:var(--info)}
.finding h3{font-size:.95rem;margin:0;display:flex;flex-wrap:wrap;gap:.2rem .8rem;font-weight:normal}
.finding .message{margin:.3rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
.rule{color:var(--muted)}
pre{background:var(--panel);padding:.4rem .6rem;overflow-x:auto;margin:.3rem 0;font-size:.85rem;line-height:1.35}
.ln{color:var(--muted);user-select:none;margin-right:1em}
mark{background:var(--mark);color:inherit;outline:1px solid var(--warning);text-decoration:underline wavy var(--error)}
mark.point{display:inline-block;width:0;border-left:2px solid var(--error);height:1em;vertical-align:text-bottom;outline:0}
.cut{color:var(--muted);font-style:italic}
.fix ins{background:none;text-decoration:underline}.fix del{color:var(--muted)}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
.side{margin:0;min-width:0}.side figcaption{font-weight:600;font-size:.85rem}
mark.diff{display:inline-block;width:100%;background:var(--diff);text-decoration:none;outline:0}
.sign{display:inline-block;width:1.2em;font-weight:700}
.replay{content-visibility:auto;contain-intrinsic-size:auto 20rem;border:1px solid var(--line);border-radius:4px;padding:.4rem .7rem;margin:.6rem 0}
.replay h3{font-size:.95rem;margin:0}
.hint{color:var(--muted);font-size:.85rem}
.service-coverage{border:1px solid var(--line);border-radius:4px;padding:.3rem .7rem;margin:.4rem 0}
.service-coverage summary{cursor:pointer}.service-coverage h3{font-size:.9rem;margin:.5rem 0 .2rem}
ul.names{columns:16rem;margin:.2rem 0;padding-left:1.2rem;font-size:.9rem}
[hidden]{display:none!important}
@media (max-width:40rem){body{padding:.5rem}.sides{grid-template-columns:1fr}.summary{grid-template-columns:repeat(2,1fr)}th,td{padding:.2rem .3rem}}
`;

/**
 * Sorting of tables with sortable columns, the findings filter (service, rule, severity, text), and keyboard
 * moves between findings (j / k, / for the text filter). Without JavaScript every table and finding is there.
 */
export const SCRIPT = `
(function(){
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads=table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads,function(th,column){
      var button=th.querySelector('button');if(!button)return;
      button.addEventListener('click',function(){
        var current=th.getAttribute('aria-sort');
        var descending=current?current==='ascending':th.classList.contains('num');
        Array.prototype.forEach.call(heads,function(other){other.removeAttribute('aria-sort')});
        th.setAttribute('aria-sort',descending?'descending':'ascending');
        var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){
          var x=a.cells[column].getAttribute('data-value'),y=b.cells[column].getAttribute('data-value');
          var order=th.classList.contains('num')?Number(x)-Number(y):x.localeCompare(y);
          return descending?-order:order;
        });
        rows.forEach(function(row){body.appendChild(row)});
      });
    });
  });
  var form=document.getElementById('filters');if(!form)return;
  var findings=Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var texts=null;
  var count=document.getElementById('shown');
  function apply(){
    var service=form.elements.service.value,rule=form.elements.rule.value,severity=form.elements.severity.value,text=form.elements.text.value.trim().toLowerCase(),shown=0;
    // Each finding's text is read once, at the first text filter (not at load: 4,000 findings cost time).
    if(text&&!texts)texts=findings.map(function(f){return f.textContent.toLowerCase()});
    findings.forEach(function(f,i){
      var keep=(!service||f.getAttribute('data-service')===service)&&(!rule||f.getAttribute('data-rule')===rule)&&(!severity||f.getAttribute('data-severity')===severity)&&(!text||texts[i].indexOf(text)>=0);
      if(f.hidden===keep)f.hidden=!keep;if(keep)shown++;
    });
    count.textContent=shown+' of '+findings.length+' findings shown';
  }
  form.addEventListener('input',apply);form.addEventListener('change',apply);
  form.addEventListener('submit',function(e){e.preventDefault();apply()});
  form.addEventListener('reset',function(){setTimeout(apply,0)});
  document.querySelectorAll('[data-filter]').forEach(function(link){
    link.addEventListener('click',function(){
      form.reset();var pair=link.getAttribute('data-filter').split('=');
      form.elements[pair[0]].value=pair.slice(1).join('=');apply();
    });
  });
  document.addEventListener('keydown',function(e){
    var tag=(e.target.tagName||'').toLowerCase();
    if(e.altKey||e.ctrlKey||e.metaKey||tag==='input'||tag==='select'||tag==='textarea')return;
    if(e.key==='/'){e.preventDefault();form.elements.text.focus();return}
    if(e.key!=='j'&&e.key!=='k')return;
    var visible=findings.filter(function(f){return !f.hidden});if(!visible.length)return;
    var at=visible.indexOf(document.activeElement.closest?document.activeElement.closest('.finding'):null);
    var next=e.key==='j'?Math.min(visible.length-1,at+1):Math.max(0,at<0?0:at-1);
    visible[next].focus();
  });
})();
`;
