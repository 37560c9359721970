/// The report's inline style sheet: phase and compliance colours, a fluid layout that reads at 1280 px and at 390 px.
enum ReportStyle {
    /// The CSS, written once into the report's `<style>`.
    static let css = """
    :root {
      --ink: #1d2330; --muted: #5d6675; --line: #e3e6ec; --paper: #ffffff; --page: #f5f6f9;
      --base: #4f7fe0; --build: #8a5cd6; --peak: #d64f8c; --taper: #2ea3b5; --none: #8c95a3;
      --green: #2f9e55; --green-bg: #d5f2dd; --yellow: #c99400; --yellow-bg: #fbefc4;
      --red: #d4463b; --red-bg: #fbd9d5; --grey: #8c95a3; --grey-bg: #e4e7ec;
      --fitness: #2f6fde; --fatigue: #d64f8c; --form: #2f9e55;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: var(--page); color: var(--ink);
      font: 15px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; }
    main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 40px; }
    header.plan { margin-bottom: 18px; }
    .eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); font-weight: 600; margin: 0 0 4px; }
    h1 { font-size: 30px; line-height: 1.15; margin: 0 0 6px; }
    h2 { font-size: 19px; margin: 0 0 12px; }
    .race { color: var(--muted); margin: 0; font-size: 16px; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 18px 0 0; padding: 0; }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 12px 14px; list-style: none; }
    .card .label { display: block; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
    .card .value { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
    .card .sub { display: block; font-size: 13px; color: var(--muted); }
    section.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 14px; padding: 18px 20px; margin-top: 18px; }
    .paces { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
    .paces th, .paces td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); }
    .paces th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; font-weight: 600; }
    .paces td:nth-child(2) { white-space: nowrap; }
    .paces tr:last-child td { border-bottom: 0; }
    svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
    svg.chart text { font-size: 13px; fill: var(--muted); font-family: inherit; }
    svg.chart .grid { stroke: var(--line); stroke-width: 1; }
    svg.chart .axis { stroke: #c4c9d2; stroke-width: 1; }
    svg.chart text.now { fill: var(--ink); font-weight: 700; }
    .week-bar { fill-opacity: .28; stroke-width: 1.5; }
    .week-done { fill-opacity: .95; }
    .phase-base { fill: var(--base); stroke: var(--base); } .phase-build { fill: var(--build); stroke: var(--build); }
    .phase-peak { fill: var(--peak); stroke: var(--peak); } .phase-taper { fill: var(--taper); stroke: var(--taper); }
    .phase-none { fill: var(--none); stroke: var(--none); }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 10px 0 0; padding: 0; font-size: 13px; color: var(--muted); }
    .legend li { list-style: none; display: flex; align-items: center; gap: 6px; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; }
    .swatch.planned { background: transparent; border: 1.5px solid var(--muted); opacity: .8; }
    .swatch.done { background: var(--muted); }
    .swatch.line { height: 3px; width: 18px; border-radius: 2px; }
    .s-base { background: var(--base); } .s-build { background: var(--build); } .s-peak { background: var(--peak); } .s-taper { background: var(--taper); }
    .s-green { background: var(--green-bg); border: 1.5px solid var(--green); } .s-yellow { background: var(--yellow-bg); border: 1.5px solid var(--yellow); }
    .s-red { background: var(--red-bg); border: 1.5px solid var(--red); } .s-grey { background: var(--grey-bg); border: 1.5px solid var(--grey); }
    .s-future { background: var(--paper); border: 1.5px solid var(--line); }
    .s-fitness { background: var(--fitness); } .s-fatigue { background: var(--fatigue); } .s-form { background: var(--form); }
    .calendar { display: grid; grid-template-columns: 52px repeat(7, minmax(0, 1fr)); gap: 4px; }
    .calendar .head { font-size: 12px; color: var(--muted); text-align: center; font-weight: 600; padding-bottom: 2px; }
    .calendar .week { font-size: 12px; font-weight: 650; color: var(--ink); display: flex; flex-direction: column; justify-content: center;
      padding-left: 8px; border-left: 4px solid var(--none); }
    .calendar .week small { font-weight: 500; color: var(--muted); font-size: 11px; }
    .week.p-base { border-color: var(--base); } .week.p-build { border-color: var(--build); }
    .week.p-peak { border-color: var(--peak); } .week.p-taper { border-color: var(--taper); }
    .day { min-height: 58px; border-radius: 8px; padding: 5px 7px; border: 1.5px solid var(--line); background: var(--paper); overflow: hidden;
      display: flex; flex-direction: column; gap: 1px; }
    .day .date { font-size: 11px; color: var(--muted); font-variant-numeric: tabular-nums; }
    .day .what { font-size: 13px; font-weight: 600; line-height: 1.2; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .day .km { font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
    .day .short { display: none; }
    .day.rest { background: #f7f8fa; border-color: transparent; }
    .day.rest .what { font-weight: 500; color: var(--muted); }
    .day.c-green { background: var(--green-bg); border-color: var(--green); }
    .day.c-yellow { background: var(--yellow-bg); border-color: var(--yellow); }
    .day.c-red { background: var(--red-bg); border-color: var(--red); }
    .day.c-grey { background: var(--grey-bg); border-color: var(--grey); }
    .day.c-grey .what { text-decoration: line-through; color: var(--muted); }
    .day.race { box-shadow: inset 0 0 0 2px var(--peak); }
    .day.today { outline: 2.5px solid var(--ink); outline-offset: 1px; }
    .empty { color: var(--muted); margin: 0; }
    .abbr { display: none; margin: 6px 0 0; font-size: 12px; color: var(--muted); }
    .coming { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; margin: 0; padding: 0; }
    .workout { list-style: none; border: 1px solid var(--line); border-radius: 12px; padding: 12px 14px; border-top: 4px solid var(--none); }
    .workout.t-rest { background: #f7f8fa; }
    .workout.quality { border-top-color: var(--peak); } .workout.t-long { border-top-color: var(--build); }
    .workout.t-easy, .workout.t-recovery, .workout.t-strides { border-top-color: var(--base); } .workout.t-race { border-top-color: var(--taper); }
    .workout .when { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; font-weight: 600; }
    .workout h3 { font-size: 16px; margin: 2px 0 4px; }
    .workout .facts { font-size: 13px; color: var(--muted); margin: 0 0 6px; font-variant-numeric: tabular-nums; }
    .workout ul.steps { margin: 0; padding-left: 18px; font-size: 13px; }
    .workout ul.steps ul { padding-left: 16px; }
    footer { color: var(--muted); font-size: 12px; margin-top: 22px; text-align: center; }
    @media (max-width: 640px) {
      main { padding: 16px 12px 28px; }
      h1 { font-size: 24px; }
      .race { font-size: 14px; }
      .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
      .card { padding: 10px 12px; }
      .card .value { font-size: 18px; }
      section.panel { padding: 14px 12px; border-radius: 12px; }
      svg.chart text { font-size: 26px; }
      svg.chart .minor { display: none; }
      .calendar { grid-template-columns: 30px repeat(7, minmax(0, 1fr)); gap: 3px; }
      .calendar .week { padding-left: 4px; border-left-width: 3px; font-size: 11px; }
      .calendar .week small { display: none; }
      .day { min-height: 44px; padding: 3px 4px; border-radius: 6px; }
      .day .what { font-size: 12px; }
      .day .long { display: none; }
      .day .short { display: inline; }
      .day .km { font-size: 11px; }
      .day .unit { display: none; }
      .abbr { display: block; }
      .paces td:nth-child(3), .paces th:nth-child(3) { display: none; }
      .paces th, .paces td { padding: 5px 4px; font-size: 13px; }
    }
    @media print { body { background: #fff; } section.panel { break-inside: avoid; } }
    """
}
