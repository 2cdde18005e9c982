/**
 * The Chinese strings for the keys of `map.ts`. A file of its own, so that each language's pages load
 * only that language's strings; the type checker keeps the keys the same.
 */
import type { en } from './map';

export const zh: Record<keyof typeof en, string> = {
	'map.title': '{cluster}城市占全部 {total} 件事件中的 {count} 件，占比 {share}',
	'map.titleAll': '全部 {total} 件事件都在{cluster}城市',
	'map.subtitle': '{period}各城市科创事件，按经纬度定位；圆的面积表示事件数，颜色表示所属城市群',
	'map.note': '圆点只示意城市位置，图中未绘制行政区划界线、海岸线或国界。',
	'map.missingOne': '1 座城市缺少经纬度，未在图上显示：{list}。',
	'map.missing': '{count} 座城市缺少经纬度，未在图上显示：{list}。',
	'map.unlabelled': '未标名称的城市，可在表格和悬停提示中查看。',
	'map.noCoordinates': '当前范围内没有带经纬度的城市，无法在图上定位。',
	'map.sizeTitle': '事件数',
	'map.zero': '无',
	'map.lonEast': '东经 {deg}°',
	'map.lonWest': '西经 {deg}°',
	'map.latNorth': '北纬 {deg}°',
	'map.latSouth': '南纬 {deg}°',
	'map.desc': '散点地图：{count} 座城市按经纬度定位，圆的面积与事件数成正比。{list}。',
	'map.table.province': '省份',
	'map.table.lat': '纬度',
	'map.table.lon': '经度',
	'map.dodged': '相距过近的城市圆点已略微错开，细线指向城市的实际位置。'
};
