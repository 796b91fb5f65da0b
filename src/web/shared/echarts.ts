import { init, use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Loaded by EChart on first use, so ECharts is fetched only by pages that draw a chart.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export { init };
