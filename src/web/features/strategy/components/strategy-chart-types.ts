import { use } from 'echarts/core';
import { LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { LegendComponent, PolarComponent } from 'echarts/components';

// The strategy pages draw lines (indicators), pies and a polar scatter (the årshjul) with legends:
// registered on top of the shared set when a strategy chart is first needed.
use([LineChart, PieChart, ScatterChart, LegendComponent, PolarComponent]);
